// The firmware catalogue: platform admins add and remove images (audited); everyone who
// runs upgrades reads it, and operations resolve a version to each model's image here.

import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Principal } from '../../common/auth/principal';
import { AppError } from '../../common/errors/app-error';
import { isUniqueViolation } from '../../database/database-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { FirmwareImage } from './firmware-image.entity';
import { FirmwareImageInput } from './firmware-image.input';

@Injectable()
export class FirmwareCatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  list(model?: string): Promise<FirmwareImage[]> {
    return this.dataSource.manager.find(FirmwareImage, { where: model === undefined ? {} : { model }, order: { model: 'ASC', version: 'ASC' } });
  }

  /** The images of `version` for these models. */
  forVersion(version: string, models: string[]): Promise<FirmwareImage[]> {
    return this.dataSource.manager.findBy(FirmwareImage, { version, model: In(models) });
  }

  async versionExists(version: string): Promise<boolean> {
    return (await this.dataSource.manager.countBy(FirmwareImage, { version })) > 0;
  }

  async create(principal: Principal, input: FirmwareImageInput): Promise<FirmwareImage> {
    try {
      return await this.tx.run(async (manager) => {
        const image = await manager.save(
          manager.create(FirmwareImage, { ...input, md5: input.md5?.toLowerCase() ?? null, sha256: input.sha256?.toLowerCase() ?? null, notes: input.notes ?? null }),
        );
        await this.audit.record(principal, manager, { action: 'firmwareImage.create', objectType: 'firmwareImage', objectId: image.id, groupId: null, after: { ...image } });
        return image;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(`the catalogue already has ${input.model} ${input.version}`);
      throw error;
    }
  }

  async delete(principal: Principal, id: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const image = await manager.findOneBy(FirmwareImage, { id });
      if (image === null) throw AppError.notFound('firmware image', id);
      await manager.delete(FirmwareImage, { id });
      await this.audit.record(principal, manager, { action: 'firmwareImage.delete', objectType: 'firmwareImage', objectId: id, groupId: null, before: { ...image } });
      return true;
    });
  }
}
