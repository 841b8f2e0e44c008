// The two links behind the venue roles: a venue-manager user's venues (user_venues) and a
// venue's residents (venue_residents, customers of the venue's group). Neither is a
// GraphQL type: Venue.managers and Venue.residents show the users and customers.

import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('user_venues')
export class UserVenue {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}

@Entity('venue_residents')
export class VenueResident {
  @PrimaryColumn({ name: 'venue_id', type: 'varchar', length: 36 })
  venueId!: string;

  @PrimaryColumn({ name: 'customer_id', type: 'varchar', length: 36 })
  customerId!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
