import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { FieldProblem, InputValidationError } from './input-validation.error';

/** PostgreSQL text cannot hold U+0000, so a string carrying it could never be stored. */
function nulCharacters(value: unknown, path: string): FieldProblem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: path, message: `${path} must not contain the NUL character` }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacters(item, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulCharacters(item, path ? `${path}.${key}` : key));
  return [];
}

/** class-validator on every argument; errors name fields by their path from the argument (`input.text`). */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: true, exceptionFactory: (errors) => InputValidationError.fromValidationErrors(errors) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const unstorable = nulCharacters(value, metadata.data ?? '');
    if (unstorable.length > 0) throw new InputValidationError(unstorable);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof InputValidationError && metadata.data) throw error.under(metadata.data);
      throw error;
    }
  }
}
