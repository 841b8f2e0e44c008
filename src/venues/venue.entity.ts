// A venue (a building, a campus) of a group: its units and common areas are locations, and
// its key pools give each subscriber a personal WiFi key on a shared network.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../database/timestamped-record';

export enum VenueUnitKind {
  UNIT = 'UNIT',
  COMMON_AREA = 'COMMON_AREA',
}
registerEnumType(VenueUnitKind, { name: 'VenueUnitKind', description: 'UNIT: a dwelling or office let to a subscriber. COMMON_AREA: a lobby, gym or corridor every key of a pool reaches.' });

@ObjectType({ description: 'A venue (building, campus) of a group, with its units and key pools.' })
@Entity('venues')
export class Venue extends TimestampedRecord {
  @Field(() => ID, { description: 'The group that owns the venue.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field({ description: 'The venue\'s name, 1 to 200 characters.' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The postal address, as one text.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  address!: string | null;

  @Field({ description: 'IANA time zone of the venue, e.g. Europe/Paris.' })
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;
}

@ObjectType({ description: 'A unit or common area of a venue: one location of the group.' })
@Entity('venue_units')
export class VenueUnit extends TimestampedRecord {
  @Field(() => ID, { description: 'The venue.' })
  @Column({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId!: string;

  @Field(() => ID, { description: 'The group of the venue.' })
  @Column({ name: 'group_id', type: 'varchar', length: 36 })
  groupId!: string;

  @Field(() => ID, { description: 'The location the unit is (its nodes carry the unit\'s WiFi).' })
  @Column({ name: 'location_id', type: 'varchar', length: 36 })
  locationId!: string;

  @Field({ description: 'The unit\'s name (e.g. "Apt 4B", "Lobby").' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field(() => VenueUnitKind, { description: 'A unit or a common area.' })
  @Column({ type: 'varchar', length: 16 })
  kind!: VenueUnitKind;
}
