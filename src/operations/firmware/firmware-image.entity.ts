// One firmware image of the catalogue: what platform admins offer for a model, and what
// admins and support choose by version. Platform-wide (no group).

import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../../database/timestamped-record';

@ObjectType('FirmwareImage', { description: 'A firmware image of the platform-wide catalogue: one version for one model.' })
@Entity('firmware_images')
export class FirmwareImage extends TimestampedRecord {
  @Field({ description: 'The device model the image is for (as AWLAN_Node.model).' })
  @Column({ type: 'varchar', length: 64 })
  model!: string;

  @Field({ description: 'The firmware_version the node reports once it runs this image.' })
  @Column({ type: 'varchar', length: 64 })
  version!: string;

  @Field({ description: 'Written to AWLAN_Node.firmware_url; the device fetches <url> and its .md5.' })
  @Column({ type: 'varchar', length: 256 })
  url!: string;

  @Field(() => String, { nullable: true, description: 'MD5 of the image (32 hex digits), as the platform admin entered it.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  md5!: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the image (64 hex digits), as the platform admin entered it.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text from the platform admin (release notes, caveats).' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes!: string | null;
}
