// Global so the provisioning services publish and a later reconciler subscribes without
// importing each other.

import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events.service';

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
