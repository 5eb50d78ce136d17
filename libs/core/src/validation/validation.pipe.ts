import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { DomainError, FieldError } from '../errors/domain-error';

const PRIMITIVES: unknown[] = [String, Boolean, Number, Array, Object];

function flatten(errors: ValidationError[], prefix: string, out: FieldError[] = []): FieldError[] {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator prefixes messages with the property name; keep the sentence only.
      out.push({ path, message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message });
    }
    if (error.children?.length) flatten(error.children, path, out);
  }
  return out;
}

/**
 * Validates GraphQL args and inputs with their class-validator rules and answers
 * VALIDATION_FAILED naming every offending field (`input.lines.0.quantity`).
 */
@Injectable()
export class XpValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (!metatype || PRIMITIVES.includes(metatype) || metadata.type === 'custom') return value;
    if (value === undefined || value === null) return value;
    const instance = plainToInstance(metatype as new () => object, value);
    const errors = await validate(instance as object, { forbidUnknownValues: false });
    if (errors.length > 0) throw DomainError.validation(flatten(errors, metadata.data ?? ''));
    return instance;
  }
}
