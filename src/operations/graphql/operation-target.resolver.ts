// Fields of one node of an operation computed on read: where its log archive is.

import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { DeviceOperationTarget } from '../device-operation-target.entity';
import { ARCHIVE_PATH } from '../log-pull/log-upload.routes';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';

@Resolver(() => DeviceOperationTarget)
export class OperationTargetResolver {
  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'LOG_PULL: the archive, downloaded with the bearer token (GET); null until received or once expired.',
  })
  @RequirePermission(Permission.TENANT_READ)
  logArchiveUrl(@Parent() target: DeviceOperationTarget): string | null {
    const uploadedAt = target.attempt?.uploadedAt;
    if (uploadedAt === undefined || Date.now() - uploadedAt > this.config.logRetentionMs) return null;
    return `${this.config.publicUrl ?? ''}${ARCHIVE_PATH}/${target.id}`;
  }
}
