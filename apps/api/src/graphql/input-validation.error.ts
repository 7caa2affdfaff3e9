import { ValidationError } from 'class-validator';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Raised by the validation pipe: every invalid field of the input, by path. */
export class InputValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }

  /** The same problems, with paths starting at the named argument. */
  under(argument: string): InputValidationError {
    return new InputValidationError(this.problems.map((p) => ({ ...p, field: `${argument}.${p.field}` })));
  }

  static fromValidationErrors(errors: ValidationError[]): InputValidationError {
    const problems: FieldProblem[] = [];
    const walk = (list: ValidationError[], prefix: string) => {
      for (const error of list) {
        const field = prefix ? `${prefix}.${error.property}` : error.property;
        for (const message of Object.values(error.constraints ?? {})) problems.push({ field, message });
        walk(error.children ?? [], field);
      }
    };
    walk(errors, '');
    return new InputValidationError(problems);
  }
}
