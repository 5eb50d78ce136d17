import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestContextOf } from './context-host';

/** Injects the RequestContext of the current call. */
export const Ctx = createParamDecorator((_data: unknown, execution: ExecutionContext) => requestContextOf(execution));
