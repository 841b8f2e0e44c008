// Scratch cards (VAULT's pre-printed guest keys): create a batch, read it with its cards and
// printable CSV, extend or invalidate it. Group admins write; group support reads, without
// passphrases (the CSV is null for them).

import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { CreateScratchCardsInput } from './dto/venue.inputs';
import { KeyPool } from './key-pool.entity';
import { PersonalKey } from './personal-key.entity';
import { ScratchCardBatch } from './scratch-card-batch.entity';
import { ScratchCardsService } from './scratch-cards.service';

const BATCH_ID = { type: () => ID, description: 'The scratch card batch.' };

@Resolver(() => ScratchCardBatch)
export class ScratchCardsResolver {
  constructor(private readonly service: ScratchCardsService) {}

  @Query(() => ScratchCardBatch, { description: 'The scratch card batch with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.VENUE_READ)
  scratchCardBatch(@CurrentPrincipal() principal: Principal, @Args('id', BATCH_ID) id: string): Promise<ScratchCardBatch> {
    return this.service.batch(principal, id);
  }

  @Mutation(() => ScratchCardBatch, { description: 'Creates a batch of scratch cards in a pool (KEY_CAPACITY_EXCEEDED when a location would need more than 64 keys).' })
  @RequirePermission(Permission.VENUE_WRITE)
  createScratchCards(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The batch.' }) input: CreateScratchCardsInput): Promise<ScratchCardBatch> {
    return this.service.create(principal, input);
  }

  @Mutation(() => ScratchCardBatch, { description: 'Gives every card of the batch a new period from its first use (used cards end then).' })
  @RequirePermission(Permission.VENUE_WRITE)
  extendScratchCards(
    @CurrentPrincipal() principal: Principal,
    @Args('id', BATCH_ID) id: string,
    @Args('validForMinutes', { type: () => Int, description: 'The new period, in minutes.' }) validForMinutes: number,
  ): Promise<ScratchCardBatch> {
    return this.service.extend(principal, id, validForMinutes);
  }

  @Mutation(() => ScratchCardBatch, { description: 'Revokes every card of the batch: off the devices, their clients disconnected.' })
  @RequirePermission(Permission.VENUE_WRITE)
  invalidateScratchCards(@CurrentPrincipal() principal: Principal, @Args('id', BATCH_ID) id: string): Promise<ScratchCardBatch> {
    return this.service.invalidate(principal, id);
  }

  @ResolveField(() => ID, { description: 'The key pool.' })
  poolId(@Parent() batch: ScratchCardBatch): string {
    return batch.poolId;
  }

  @ResolveField(() => [PersonalKey], { description: 'The cards, by slot.' })
  cards(@Parent() batch: ScratchCardBatch): Promise<PersonalKey[]> {
    return this.service.cardsOf(batch.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'The cards as CSV (batch, key, passphrase, valid_for_minutes), to print; null for support staff.' })
  csv(@CurrentPrincipal() principal: Principal, @Parent() batch: ScratchCardBatch): Promise<string | null> {
    return this.service.csv(principal, batch);
  }
}

@Resolver(() => KeyPool)
export class KeyPoolScratchCardsResolver {
  constructor(private readonly service: ScratchCardsService) {}

  @ResolveField(() => [ScratchCardBatch], { description: 'The pool\'s scratch card batches, oldest first.' })
  scratchCardBatches(@Parent() pool: KeyPool): Promise<ScratchCardBatch[]> {
    return this.service.batchesOf(pool.id);
  }
}
