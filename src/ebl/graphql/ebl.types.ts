// GraphQL shapes of equipment-based localisation for the operator: a provider's settings
// (the secret is write-only: shown once when made, never read back) and its notifications
// with their attempts.

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

export enum EblLocationScope {
  ALL_LOCATIONS = 'ALL_LOCATIONS',
  LISTED_LOCATIONS = 'LISTED_LOCATIONS',
}
registerEnumType(EblLocationScope, {
  name: 'EblLocationScope',
  description: 'Which of the group\'s locations a provider may be told about.',
  valuesMap: {
    ALL_LOCATIONS: { description: 'Every location of the group.' },
    LISTED_LOCATIONS: { description: 'Only the locations in locationIds.' },
  },
});

export enum EblAccessIdSource {
  SERVICE_ID = 'SERVICE_ID',
  LOCATION_ID = 'LOCATION_ID',
}
registerEnumType(EblAccessIdSource, {
  name: 'EblAccessIdSource',
  description: 'What a notification\'s accessID carries.',
  valuesMap: {
    SERVICE_ID: { description: 'The location\'s serviceId (the location id when it has none).' },
    LOCATION_ID: { description: 'The location id.' },
  },
});

export enum EblDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(EblDeliveryStatus, {
  name: 'EblDeliveryStatus',
  description: 'Where a notification stands.',
  valuesMap: {
    PENDING: { description: 'Not yet answered with 2xx; retried until the retry period ends.' },
    DELIVERED: { description: 'The provider answered 2xx.' },
    FAILED: { description: 'Given up: the retry period ended, or the provider was removed.' },
  },
});

@ObjectType({ description: 'A service provider\'s equipment-based localisation settings (an API client of the operator).' })
export class EblProvider {
  @Field(() => ID, { description: 'The id of the API client (apiClients) the provider authenticates as.' })
  apiClientId!: string;

  @Field(() => ID, { description: 'The group whose locations the provider may be told about.' })
  groupId!: string;

  @Field(() => EblLocationScope, { description: 'Every location of the group, or the listed ones.' })
  locationScope!: EblLocationScope;

  @Field(() => [ID], { description: 'The locations, with LISTED_LOCATIONS; empty otherwise.' })
  locationIds!: string[];

  @Field({ description: 'Where notifications are POSTed (the provider\'s /ebl/notification).' })
  notificationUrl!: string;

  @Field(() => EblAccessIdSource, { description: 'What accessID carries.' })
  accessIdSource!: EblAccessIdSource;

  @Field(() => Date, { description: 'When the provider was set up.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Last change of the settings or the secret.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A provider\'s settings, and its signing secret when this change created one.' })
export class EblProviderPayload {
  @Field(() => EblProvider, { description: 'The settings as stored.' })
  provider!: EblProvider;

  @Field(() => String, { nullable: true, description: 'The HMAC-SHA256 signing secret, shown this once (new provider or rotation); null otherwise.' })
  secret!: string | null;
}

@InputType({ description: 'A provider\'s settings; group admins set them.' })
export class EblProviderInput {
  @Field(() => ID, { description: 'The id of the API client (apiClients) the provider authenticates as.' })
  @IsString()
  @MaxLength(1000)
  apiClientId!: string;

  @Field(() => ID, { description: 'The group (one the caller administers).' })
  @IsString()
  @MaxLength(1000)
  groupId!: string;

  @Field(() => EblLocationScope, { description: 'Every location of the group, or the listed ones.' })
  @IsEnum(EblLocationScope)
  locationScope!: EblLocationScope;

  @Field(() => [ID], { nullable: true, description: 'With LISTED_LOCATIONS: the group\'s locations the provider may be told about.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  locationIds?: string[] | null;

  @Field({ description: 'Where notifications are POSTed: https (http only when EBL_ALLOW_HTTP is on).' })
  @IsString()
  @MaxLength(10_000)
  notificationUrl!: string;

  @Field(() => EblAccessIdSource, { nullable: true, description: 'What accessID carries; SERVICE_ID when not given.' })
  @IsOptional()
  @IsEnum(EblAccessIdSource)
  accessIdSource?: EblAccessIdSource | null;
}

@ObjectType({ description: 'One attempt to deliver a notification.' })
export class EblDeliveryAttempt {
  @Field(() => Int, { description: '1 for the first attempt.' })
  number!: number;

  @Field(() => Date, { description: 'When the attempt started.' })
  at!: Date;

  @Field(() => Int, { nullable: true, description: 'The provider\'s HTTP status; null when no answer came.' })
  httpStatus!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed; null when delivered.' })
  error!: string | null;
}

@ObjectType({ description: 'A notification to a provider, with its attempts.' })
export class EblDelivery {
  @Field(() => ID, { description: 'The delivery id, sent in the X-EBL-Delivery-Id header.' })
  id!: string;

  @Field(() => EblDeliveryStatus, { description: 'Where it stands.' })
  status!: EblDeliveryStatus;

  @Field({ description: 'The client\'s MAC address.' })
  mac!: string;

  @Field({ description: 'The accessID sent.' })
  accessId!: string;

  @Field({ description: 'The vendorID sent (the client\'s DHCP vendor class; empty when unknown).' })
  vendorId!: string;

  @Field(() => ID, { description: 'The location where the client was discovered.' })
  locationId!: string;

  @Field(() => Date, { description: 'When the client was discovered and the notification queued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The next attempt, while PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered or given up.' })
  finishedAt!: Date | null;

  @Field(() => [EblDeliveryAttempt], { description: 'Every attempt, first first.' })
  attempts!: EblDeliveryAttempt[];
}
