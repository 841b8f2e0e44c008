// Device operations as durable jobs (reboot, firmware upgrade, log pull, client kick): the model, the runner that drives each
// node's state machine through the reconciler's device connections, and the GraphQL API.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { Location } from '../locations/location.entity';
import { Node } from '../nodes/node.entity';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { DeviceOperation } from './device-operation.entity';
import { DeviceOperationTarget } from './device-operation-target.entity';
import { FirmwareCatalogueService } from './firmware/firmware-catalogue.service';
import { FirmwareExecutor } from './firmware/firmware-executor';
import { FirmwareImage } from './firmware/firmware-image.entity';
import { ClientBlockRecord } from './kick/client-block.entity';
import { ClientBlocksService } from './kick/client-blocks.service';
import { ClientKickExecutor } from './kick/client-kick-executor';
import { FirmwareCatalogueResolver } from './graphql/firmware-catalogue.resolver';
import { OperationTargetResolver } from './graphql/operation-target.resolver';
import { LogArchivesService } from './log-pull/log-archives.service';
import { LogPullExecutor } from './log-pull/log-pull-executor';
import { LogUploadRoutes } from './log-pull/log-upload.routes';
import { OperationsResolver } from './graphql/operations.resolver';
import { RebootMethodsResolver } from './graphql/reboot-methods.resolver';
import { loadOperationsConfig, OPERATIONS_CONFIG } from './operations-config';
import { OperationsService } from './operations.service';
import { RebootExecutor } from './reboot/reboot-executor';
import { RebootMethodEntity } from './reboot/reboot-method.entity';
import { RebootMethodsService } from './reboot/reboot-methods.service';
import { OperationsRunner } from './runner/operations-runner.service';
import { TargetStore } from './runner/target-store';

@Module({
  imports: [TypeOrmModule.forFeature([DeviceOperation, DeviceOperationTarget, RebootMethodEntity, FirmwareImage, ClientBlockRecord, Node, Location]), AuditModule, ReconcilerModule, ClientsModule],
  providers: [
    { provide: OPERATIONS_CONFIG, useFactory: () => loadOperationsConfig(process.env) },
    TargetStore,
    RebootMethodsService,
    RebootExecutor,
    FirmwareCatalogueService,
    FirmwareExecutor,
    LogPullExecutor,
    LogArchivesService,
    ClientBlocksService,
    ClientKickExecutor,
    OperationsRunner,
    LogUploadRoutes,
    OperationsService,
    OperationsResolver,
    RebootMethodsResolver,
    FirmwareCatalogueResolver,
    OperationTargetResolver,
  ],
  exports: [OperationsRunner, OperationsService],
})
export class OperationsModule {}
