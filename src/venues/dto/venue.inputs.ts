import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { VenueUnitKind } from '../venue.entity';

@InputType({ description: 'A new venue.' })
export class CreateVenueInput {
  @Field(() => ID, { nullable: true, description: 'The owning group; required unless the caller is in exactly one group.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  groupId?: string | null;

  @Field({ description: 'The venue\'s name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The postal address, as one text (at most 500 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @Field({ description: 'IANA time zone of the venue, e.g. Europe/Paris.' })
  @IsString()
  @MaxLength(1000)
  timeZone!: string;
}

@InputType({ description: 'A unit or common area of a venue, made of an existing location of the venue\'s group.' })
export class CreateVenueUnitInput {
  @Field(() => ID, { description: 'The venue.' })
  @IsString()
  @MaxLength(1000)
  venueId!: string;

  @Field(() => ID, { description: 'The location (same group; not yet a unit of any venue).' })
  @IsString()
  @MaxLength(1000)
  locationId!: string;

  @Field({ description: 'The unit\'s name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field(() => VenueUnitKind, { description: 'A unit or a common area.' })
  @IsEnum(VenueUnitKind)
  kind!: VenueUnitKind;
}

@InputType({ description: 'A new key pool on existing networks of the venue\'s locations.' })
export class CreateKeyPoolInput {
  @Field(() => ID, { description: 'The venue.' })
  @IsString()
  @MaxLength(1000)
  venueId!: string;

  @Field({ description: 'The pool\'s name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field(() => [ID], {
    description: 'One WPA2_PSK or WPA2_WPA3 network per chosen location, each at a unit or common area of the venue and in no other pool. Their devices carry the pool\'s keys instead of the network passphrase.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  networkIds!: string[];

  @Field(() => Boolean, { nullable: true, description: 'Keep the keys apart (each key\'s clients reach each other and the uplink only); default false.' })
  @IsOptional()
  @IsBoolean()
  isolateKeys?: boolean | null;
}

@InputType({ description: 'Changes to a key pool; a field left out keeps its value.' })
export class UpdateKeyPoolInput {
  @Field(() => ID, { description: 'The key pool.' })
  @IsString()
  @MaxLength(1000)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The pool\'s name, 1 to 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Keep the keys apart on the devices (a tag per key and rules between tags).' })
  @IsOptional()
  @IsBoolean()
  isolateKeys?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'How many live guest keys one resident may have in the pool at a time, 0 to 16 (0: none).' })
  @IsOptional()
  @IsInt()
  guestKeyLimit?: number | null;
}

@InputType({ description: 'A new personal key. Give userPart (a random part is appended) or passphrase (imported), not both; neither: random only.' })
export class IssuePersonalKeyInput {
  @Field(() => ID, { description: 'The key pool.' })
  @IsString()
  @MaxLength(1000)
  poolId!: string;

  @Field(() => ID, { description: 'The subscriber: a customer of the pool\'s group.' })
  @IsString()
  @MaxLength(1000)
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The unit the key opens (with the common areas); null: every location of the pool.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  unitId?: string | null;

  @Field(() => String, { nullable: true, description: 'The start of the passphrase; random characters are appended.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  userPart?: string | null;

  @Field(() => String, { nullable: true, description: 'An imported passphrase, 8 to 63 printable ASCII characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  passphrase?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the key starts working; null: at once.' })
  @IsOptional()
  @IsDate()
  validFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key stops working (exclusive); null: never.' })
  @IsOptional()
  @IsDate()
  validUntil?: Date | null;
}

@InputType({ description: 'A new passphrase for a key: userPart (a random part is appended) or passphrase (imported), not both; neither: random only.' })
export class RotatePersonalKeyInput {
  @Field(() => String, { nullable: true, description: 'The start of the passphrase; random characters are appended.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  userPart?: string | null;

  @Field(() => String, { nullable: true, description: 'An imported passphrase, 8 to 63 printable ASCII characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  passphrase?: string | null;
}

@InputType({ description: 'Changes to a venue; a field left out keeps its value.' })
export class UpdateVenueInput {
  @Field(() => ID, { description: 'The venue.' })
  @IsString()
  @MaxLength(1000)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The venue\'s name, 1 to 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'The postal address (at most 500 characters); an empty text clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the venue.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  timeZone?: string | null;
}

@InputType({ description: 'Changes to a unit or common area; a field left out keeps its value.' })
export class UpdateVenueUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  @IsString()
  @MaxLength(1000)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The unit\'s name, 1 to 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  name?: string | null;

  @Field(() => VenueUnitKind, { nullable: true, description: 'A unit or a common area; changes where the pools\' keys work (KEY_CAPACITY_EXCEEDED when a location would need more than 64).' })
  @IsOptional()
  @IsEnum(VenueUnitKind)
  kind?: VenueUnitKind | null;
}

@InputType({ description: 'A batch of scratch cards: single-use guest keys of a pool, each valid for a while from its first use.' })
export class CreateScratchCardsInput {
  @Field(() => ID, { description: 'The key pool.' })
  @IsString()
  @MaxLength(1000)
  poolId!: string;

  @Field(() => ID, { description: 'The customer the cards are issued to (the property\'s account).' })
  @IsString()
  @MaxLength(1000)
  customerId!: string;

  @Field({ description: 'The batch\'s name, 1 to 200 characters (printed on the cards).' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field(() => Int, { description: 'How many cards, 1 to 64 (each counts against the 64 keys of every location of the pool until it ends).' })
  @IsInt()
  count!: number;

  @Field(() => Int, { description: 'How long a card works from its first use, in minutes (1 to 527040).' })
  @IsInt()
  validForMinutes!: number;
}

@InputType({ description: 'A new resident of a venue: a customer of the venue\'s group without a location, who may sign in once they have a password.' })
export class CreateVenueResidentInput {
  @Field(() => ID, { description: 'The venue.' })
  @IsString()
  @MaxLength(1000)
  venueId!: string;

  @Field({ description: 'Display name, 1 to 200 characters.' })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @Field({ description: 'Email, unique among the group\'s customers (compared case-insensitively); the resident signs in with it.' })
  @IsString()
  @MaxLength(1000)
  email!: string;

  @Field(() => String, { nullable: true, description: 'The resident\'s password for signing in (8 to 128 characters); left out: the resident sets one through a password link.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  password?: string | null;
}
