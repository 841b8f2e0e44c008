// Personal key queries and mutations. The passphrase is a field resolver so it depends on
// the caller: group support (read-only) gets null, never the secret.

import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { keyName } from '@lib/opensync';
import { CurrentPrincipal } from '../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../common/auth/permission';
import { Principal } from '../common/auth/principal';
import { ClientSession } from '../clients/store/client-session.entity';
import { IssuePersonalKeyInput, RotatePersonalKeyInput } from './dto/venue.inputs';
import { keyState } from './key-rules';
import { PersonalKey, PersonalKeyState } from './personal-key.entity';
import { PersonalKeysService } from './personal-keys.service';

const KEY_ID = { type: () => ID, description: 'The personal key.' };

@Resolver(() => PersonalKey)
export class PersonalKeysResolver {
  constructor(private readonly keys: PersonalKeysService) {}

  @Query(() => PersonalKey, { description: 'The personal key with this id (NOT_FOUND outside your groups).' })
  @RequirePermission(Permission.VENUE_READ)
  personalKey(@CurrentPrincipal() principal: Principal, @Args('id', KEY_ID) id: string): Promise<PersonalKey> {
    return this.keys.key(principal, id);
  }

  @Mutation(() => PersonalKey, { description: 'Issues a personal key to a subscriber in a pool (KEY_CAPACITY_EXCEEDED when a location would need more than 64 keys).' })
  @RequirePermission(Permission.VENUE_WRITE)
  issuePersonalKey(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The key.' }) input: IssuePersonalKeyInput): Promise<PersonalKey> {
    return this.keys.issue(principal, input);
  }

  @Mutation(() => PersonalKey, { description: 'Gives the key a new passphrase; it keeps its name on the devices, the other keys are untouched.' })
  @RequirePermission(Permission.VENUE_WRITE)
  rotatePersonalKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', KEY_ID) id: string,
    @Args('input', { type: () => RotatePersonalKeyInput, nullable: true, description: 'How to make the new passphrase; left out: random only.' }) input?: RotatePersonalKeyInput | null,
  ): Promise<PersonalKey> {
    return this.keys.rotate(principal, id, input ?? {});
  }

  @Mutation(() => PersonalKey, { description: 'Takes the key off the devices until resumed; its clients are disconnected.' })
  @RequirePermission(Permission.VENUE_WRITE)
  suspendPersonalKey(@CurrentPrincipal() principal: Principal, @Args('id', KEY_ID) id: string): Promise<PersonalKey> {
    return this.keys.suspend(principal, id);
  }

  @Mutation(() => PersonalKey, { description: 'Puts a suspended key back (KEY_CAPACITY_EXCEEDED when a location has no room).' })
  @RequirePermission(Permission.VENUE_WRITE)
  resumePersonalKey(@CurrentPrincipal() principal: Principal, @Args('id', KEY_ID) id: string): Promise<PersonalKey> {
    return this.keys.resume(principal, id);
  }

  @Mutation(() => PersonalKey, { description: 'Ends the key for good: off the devices, its clients disconnected.' })
  @RequirePermission(Permission.VENUE_WRITE)
  revokePersonalKey(@CurrentPrincipal() principal: Principal, @Args('id', KEY_ID) id: string): Promise<PersonalKey> {
    return this.keys.revoke(principal, id);
  }

  @ResolveField(() => String, { nullable: true, description: 'For group admins, platform admins and the venue\'s managers; null for group support.' })
  @RequirePermission(Permission.VENUE_READ)
  passphrase(@CurrentPrincipal() principal: Principal, @Parent() key: PersonalKey): Promise<string | null> {
    return this.keys.passphraseFor(principal, key);
  }

  @ResolveField(() => String, { description: 'The key\'s name on the devices (Wifi_VIF_Config.wpa_psks, Wifi_Associated_Clients.key_id): key-<slot>.' })
  @RequirePermission(Permission.VENUE_READ)
  keyName(@Parent() key: PersonalKey): string {
    return keyName(key.slot);
  }

  @ResolveField(() => PersonalKeyState, { description: 'The key\'s state now.' })
  @RequirePermission(Permission.VENUE_READ)
  state(@Parent() key: PersonalKey): PersonalKeyState {
    return keyState(key, new Date());
  }

  @ResolveField(() => [ClientSession], { description: 'Associations made with this key (client MAC, node, VIF, when), newest first.' })
  @RequirePermission(Permission.VENUE_READ)
  sessions(@Parent() key: PersonalKey, @Args('first', { type: () => Int, defaultValue: 20, description: 'How many, at most 100.' }) first: number): Promise<ClientSession[]> {
    return this.keys.sessions(key, first);
  }
}
