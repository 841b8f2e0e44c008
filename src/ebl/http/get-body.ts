// The spec shows bodies on GET (a list of the entries to show). Fastify does not read a GET
// body, so it is read here from the request stream: JSON, at most 1 MiB; an empty body is
// no body (list everything).

import type { FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error';

const MAX_BYTES = 1 << 20;

export async function readGetBody(request: FastifyRequest): Promise<unknown> {
  const raw = request.raw;
  if (raw.headers['content-length'] === undefined && raw.headers['transfer-encoding'] === undefined) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) throw AppError.validation([{ field: 'body', message: `at most ${MAX_BYTES} bytes` }]);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw AppError.validation([{ field: 'body', message: 'is not valid JSON' }]);
  }
}
