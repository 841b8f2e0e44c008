// Cache invalidations (cache-invalidation.ts) in two directions: `changed` after a local
// commit (the cluster relay forwards it), `fromOtherInstance` for one the relay received
// (the owning service drops or reloads the entry). Both after commit, like DomainEvents.

import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { CacheInvalidation } from './cache-invalidation';

@Injectable()
export class CacheInvalidations {
  private readonly local = new Subject<CacheInvalidation>();
  private readonly remote = new Subject<CacheInvalidation>();

  /** Changes committed on this instance (already applied to its own copies). */
  readonly local$: Observable<CacheInvalidation> = this.local.asObservable();
  /** Changes committed on another instance. */
  readonly remote$: Observable<CacheInvalidation> = this.remote.asObservable();

  changed(invalidation: CacheInvalidation): void {
    this.local.next(invalidation);
  }

  fromOtherInstance(invalidation: CacheInvalidation): void {
    this.remote.next(invalidation);
  }
}
