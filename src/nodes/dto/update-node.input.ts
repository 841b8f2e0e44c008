import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateNodeInput {
  @Field(() => String, { nullable: true, description: 'A label for the node; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}
