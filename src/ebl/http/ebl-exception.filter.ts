// Errors of /ebl as the spec's answers: the status (400 bad input, 401/403 caller, 404 not
// registered, 409 already registered), the list the request was about, empty (nothing was
// added or removed), and the error with a stable code and, for bad input, each entry and why.

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../../common/errors/app-error';
import { ApiError } from '../../oauth/bearer/api-error';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

@Catch()
export class EblExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Ebl');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    let status = 500;
    let error: { code: string; message: string; fields?: { field: string; message: string }[] };
    if (exception instanceof AppError) {
      status = STATUS[exception.code] ?? 500;
      error = { code: status === 500 ? ErrorCode.INTERNAL : exception.code, message: status === 500 ? 'internal error' : exception.message };
      if (exception.fields !== undefined && status !== 500) error.fields = exception.fields;
    } else if (exception instanceof ApiError) {
      status = exception.status;
      error = { code: status >= 500 ? ErrorCode.INTERNAL : exception.code, message: status >= 500 ? 'internal error' : exception.message };
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      // Fastify's own refusals reach here as HttpException: a body that is no JSON, too large.
      status = exception.getStatus();
      error = { code: status === 400 ? ErrorCode.VALIDATION_FAILED : `HTTP_${status}`, message: exception.message };
    } else {
      error = { code: ErrorCode.INTERNAL, message: 'internal error' };
    }
    if (status === 500) this.logger.error(`${request.method} ${request.url}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    const list = listKey(request.url);
    const body: Record<string, unknown> = list === null ? { error } : { [list]: [], error };
    if (status === 401) void reply.header('www-authenticate', 'Bearer');
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.code(status).header('cache-control', 'no-store').send(body);
  }
}

function listKey(url: string): string | null {
  if (url.startsWith('/ebl/vendorids')) return 'vendorids';
  if (url.startsWith('/ebl/mac-addresses')) return 'macs';
  if (url.startsWith('/ebl/deliveries')) return 'deliveries';
  return null;
}
