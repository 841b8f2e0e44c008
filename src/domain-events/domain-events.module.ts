// Global so the provisioning services publish and a later reconciler subscribes without
// importing each other; cache invalidations (telemetry settings, EBL providers) likewise.

import { Global, Module } from '@nestjs/common';
import { CacheInvalidations } from './cache-invalidations.service';
import { DomainEvents } from './domain-events.service';

@Global()
@Module({ providers: [DomainEvents, CacheInvalidations], exports: [DomainEvents, CacheInvalidations] })
export class DomainEventsModule {}
