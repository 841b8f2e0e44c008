import { ObjectType } from '@nestjs/graphql';
import { Paginated } from '../../common/pagination/connection.type';
import { PersonalKey } from '../personal-key.entity';
import { Venue } from '../venue.entity';

@ObjectType({ description: 'A page of venues.' })
export class VenueConnection extends Paginated(Venue) {}

@ObjectType({ description: 'A page of personal keys.' })
export class PersonalKeyConnection extends Paginated(PersonalKey) {}
