import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { InputValidationError } from './input-validation.error';

/** class-validator on every argument; errors name fields by their path from the argument (`input.text`). */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: true, exceptionFactory: (errors) => InputValidationError.fromValidationErrors(errors) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof InputValidationError && metadata.data) throw error.under(metadata.data);
      throw error;
    }
  }
}
