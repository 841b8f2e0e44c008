// A reboot method rule: devices whose model and firmware match the patterns are rebooted
// this way. Platform-wide (no group): platform admins maintain the table.

import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { TimestampedRecord } from '../../database/timestamped-record';
import { RebootMethod } from './reboot-method-rules';

@ObjectType('RebootMethodRule', { description: 'How nodes whose model and firmware match the patterns are rebooted; maintained by platform admins.' })
@Entity('reboot_methods')
export class RebootMethodEntity extends TimestampedRecord {
  @Field({ description: 'Model pattern, "*" matching any run of characters.' })
  @Column({ name: 'model_pattern', type: 'varchar', length: 64 })
  modelPattern!: string;

  @Field({ description: 'Firmware version pattern, "*" matching any run of characters.' })
  @Column({ name: 'firmware_pattern', type: 'varchar', length: 64 })
  firmwarePattern!: string;

  @Field(() => RebootMethod, { description: 'How the matching nodes are rebooted.' })
  @Column({ type: 'varchar', length: 32 })
  method!: RebootMethod;
}
