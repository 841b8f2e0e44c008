// registerApiClient(input).

import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ApiClient } from '../api-client.entity';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A new API client (an application calling the REST APIs with OAuth 2.0).' })
export class RegisterApiClientInput {
  @Field(() => ID, { description: 'The group registering the client (group admins: one of theirs).' })
  @IsUUID()
  groupId!: string;

  @Field({ description: 'Name shown to customers on the consent page, 1 to 100 characters.' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field({ defaultValue: true, description: 'True: a server-side application holding a secret; false: a public client (mobile, single-page) that uses PKCE without a secret.' })
  @IsBoolean()
  confidential!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'Redirect URIs for the authorization code flow (exact match); none: client credentials only.' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  redirectUris!: string[];

  @Field(() => [String], { description: 'The scopes the client may ask for.' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  scopes!: string[];

  @Field(() => String, { nullable: true, description: 'Required with sensitive scopes: why the client needs them (shown to the approver and to customers).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  justification?: string | null;

  @Field(() => ID, { nullable: true, description: 'Bind client credentials to this customer of the group (a customer operating their own client); omit for group-wide.' })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;
}

@ObjectType({ description: 'A registered API client and its secret, shown only in this answer.' })
export class RegisteredApiClient {
  @Field(() => ApiClient, { description: 'The client.' })
  client!: ApiClient;

  @Field(() => String, { nullable: true, description: 'The client secret (confidential clients); stored only as a hash, never shown again.' })
  clientSecret!: string | null;
}
