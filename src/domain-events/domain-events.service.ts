// Services publish only after their transaction committed, so a subscriber (the reconciler)
// never acts on a change that was rolled back; it reads the committed state itself.

import { Injectable, Logger } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { DomainEvent } from './domain-event';

@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);
  private readonly subject = new Subject<DomainEvent>();

  readonly events$: Observable<DomainEvent> = this.subject.asObservable();

  publish(events: DomainEvent[]): void {
    for (const event of events) {
      this.logger.debug(`${event.type} location=${event.locationId}${event.nodeIds ? ` nodes=${event.nodeIds.join(',')}` : ''}`);
      this.subject.next(event);
    }
  }
}
