// Writes every exception of a REST route behind OAuth as ErrorInfo. AppErrors of the domain
// services map to their REST equivalents; anything else is a 500 that names nothing internal
// (and is logged).

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { ApiError, ApiErrorCode } from './api-error';

const FROM_APP: Partial<Record<ErrorCode, [number, ApiErrorCode]>> = {
  [ErrorCode.UNAUTHENTICATED]: [401, ApiErrorCode.UNAUTHENTICATED],
  [ErrorCode.FORBIDDEN]: [403, ApiErrorCode.PERMISSION_DENIED],
  [ErrorCode.NOT_FOUND]: [404, ApiErrorCode.NOT_FOUND],
  [ErrorCode.VALIDATION_FAILED]: [400, ApiErrorCode.INVALID_ARGUMENT],
  [ErrorCode.CONFLICT]: [409, ApiErrorCode.CONFLICT],
  [ErrorCode.PRECONDITION_FAILED]: [412, ApiErrorCode.PRECONDITION_FAILED],
  [ErrorCode.TOO_MANY_REQUESTS]: [429, ApiErrorCode.TOO_MANY_REQUESTS],
  [ErrorCode.DEVICE_UNAVAILABLE]: [503, ApiErrorCode.SERVICE_UNAVAILABLE],
  [ErrorCode.DEVICE_HOLDER_UNAVAILABLE]: [503, ApiErrorCode.SERVICE_UNAVAILABLE],
  [ErrorCode.TOO_MANY_TARGETS]: [400, ApiErrorCode.INVALID_ARGUMENT],
  [ErrorCode.NETWORK_IN_KEY_POOL]: [412, ApiErrorCode.PRECONDITION_FAILED],
  [ErrorCode.GUEST_KEY_LIMIT_REACHED]: [409, ApiErrorCode.CONFLICT],
};

export function toApiError(exception: unknown): ApiError | undefined {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof AppError) {
    const mapped = FROM_APP[exception.code];
    if (mapped === undefined) return undefined;
    const headers: Record<string, string> = exception.retryAfterSeconds !== undefined ? { 'retry-after': String(exception.retryAfterSeconds) } : {};
    const fields = exception.fields?.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new ApiError(mapped[0], mapped[1], fields ? `${exception.message} (${fields})` : exception.message, headers);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return ApiError.notFound('no such resource');
    if (status === 413 || status === 415 || status === 400) return ApiError.invalidArgument(exception.message);
  }
  return undefined;
}

@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestApi');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let error = toApiError(exception);
    if (error === undefined) {
      this.logger.error('unexpected error in a REST route', exception instanceof Error ? exception.stack : String(exception));
      error = new ApiError(500, ApiErrorCode.INTERNAL_SERVER_ERROR, 'internal error');
    }
    void reply.code(error.status).headers({ ...error.headers, 'content-type': 'application/json', 'cache-control': 'no-store' }).send(error.body);
  }
}
