// The controller's own log upload endpoint, on its HTTP server beside /graphql (plain
// Fastify routes: devices speak HTTP, not GraphQL). OpenSync's logpull.sh sends the archive
// as multipart POST, field `filename` (method lm), or as a raw PUT (lm-s3-presigned), to
// the URL in AW_LM_Config; the token in the path is one-time. Support and admins download
// archives with their bearer token; another group's archive is 404 like a missing one.

import multipart from '@fastify/multipart';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../../common/auth/authenticator';
import { canReadGroup } from '../../common/auth/principal';
import { TargetState } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { OperationsRunner } from '../runner/operations-runner.service';
import { TargetStore } from '../runner/target-store';
import { TargetFailure } from '../operation-states';
import { ArchiveTooLarge, LogArchivesService } from './log-archives.service';
import { tokenHash, UPLOAD_PATH } from './log-pull-executor';

export const ARCHIVE_PATH = `${UPLOAD_PATH}/archives`;

@Injectable()
export class LogUploadRoutes implements OnModuleInit {
  private readonly logger = new Logger('Operations');

  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly store: TargetStore,
    private readonly runner: OperationsRunner,
    private readonly archives: LogArchivesService,
    private readonly authenticator: Authenticator,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify === undefined) return;
    void fastify.register(async (scope) => {
      await scope.register(multipart, { limits: { fileSize: this.config.logMaxBytes, files: 1, fields: 4, parts: 5 } });
      // A raw PUT body is handed over as the stream it is, whatever its content type.
      scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      scope.post<{ Params: { token: string } }>(`${UPLOAD_PATH}/:token`, async (request, reply) => {
        if (!request.isMultipart()) return reply.code(415).send({ error: 'multipart/form-data with field "filename" expected' });
        const part = await request.file();
        if (part === undefined || part.fieldname !== 'filename') return reply.code(400).send({ error: 'form field "filename" with the archive expected' });
        return this.receive(request.params.token, part.file, reply);
      });
      scope.put<{ Params: { token: string } }>(`${UPLOAD_PATH}/:token`, (request, reply) => this.receive(request.params.token, request.body as NodeJS.ReadableStream, reply));
      scope.get<{ Params: { targetId: string } }>(`${ARCHIVE_PATH}/:targetId`, (request, reply) => this.download(request, reply));
    });
  }

  private async receive(token: string, body: NodeJS.ReadableStream, reply: FastifyReply): Promise<FastifyReply> {
    const target = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await this.store.byUploadToken(tokenHash(token)) : null;
    if (target === null) return this.drain(body, reply.code(404).send({ error: 'unknown or used upload token' }));
    let status = 404;
    await this.runner.onTarget(target.id, async (handle) => {
      if (handle.row.state !== TargetState.SENDING && handle.row.state !== TargetState.SENT) return;
      try {
        const bytes = await this.archives.store(target.id, body);
        const attempt = { ...handle.row.attempt, archiveBytes: bytes, uploadedAt: Date.now() };
        await handle.apply({ type: 'RECEIVED', detail: `log archive received (${bytes} bytes)` }, { attempt, uploadTokenHash: null });
        status = 201;
      } catch (error) {
        const tooLarge = error instanceof ArchiveTooLarge || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        if (!tooLarge) throw error;
        await handle.apply({ type: 'DEVICE_FAILED', code: TargetFailure.LOG_TOO_LARGE, detail: `archive larger than ${this.config.logMaxBytes} bytes` }, { uploadTokenHash: null });
        status = 413;
      }
    });
    if (status === 201) this.logger.log(`[serial=${target.serialNumber}] log archive received for operation ${target.operationId}`);
    if (status === 404) return this.drain(body, reply.code(404).send({ error: 'unknown or used upload token' }));
    return reply.code(status).send(status === 201 ? { ok: true } : { error: `archive larger than ${this.config.logMaxBytes} bytes` });
  }

  /** Discards what the client still sends, so the connection ends cleanly. */
  private drain(body: NodeJS.ReadableStream, reply: FastifyReply): FastifyReply {
    body.resume();
    return reply;
  }

  private async download(request: FastifyRequest<{ Params: { targetId: string } }>, reply: FastifyReply): Promise<FastifyReply> {
    let principal;
    try {
      principal = await this.authenticator.principalOf({ reply: { request: { headers: request.headers } } });
    } catch {
      return reply.code(401).send({ error: 'a bearer token is required' });
    }
    const { targetId } = request.params;
    const target = /^[0-9a-f-]{36}$/i.test(targetId) ? await this.store.target(targetId) : null;
    const operation = target ? await this.store.operation(target.operationId) : null;
    const archive = target && operation && canReadGroup(principal, operation.groupId) ? await this.archives.open(targetId) : undefined;
    if (target === null || archive === undefined) return reply.code(404).send({ error: 'no such log archive' });
    return reply
      .header('content-type', 'application/gzip')
      .header('content-length', archive.bytes)
      .header('content-disposition', `attachment; filename="${target.serialNumber}-logs.tgz"`)
      .send(archive.stream);
  }
}
