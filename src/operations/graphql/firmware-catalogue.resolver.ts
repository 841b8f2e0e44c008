// The firmware catalogue: read by everyone who runs upgrades, maintained by platform admins.

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { FirmwareCatalogueService } from '../firmware/firmware-catalogue.service';
import { FirmwareImage } from '../firmware/firmware-image.entity';
import { FirmwareImageInput } from '../firmware/firmware-image.input';

@Resolver(() => FirmwareImage)
export class FirmwareCatalogueResolver {
  constructor(private readonly catalogue: FirmwareCatalogueService) {}

  @Query(() => [FirmwareImage], { description: 'The catalogue, by model and version; `model` narrows it.' })
  @RequirePermission(Permission.TENANT_READ)
  firmwareImages(@Args('model', { type: () => String, nullable: true, description: 'Only images for this model.' }) model?: string): Promise<FirmwareImage[]> {
    return this.catalogue.list(model ?? undefined);
  }

  @Mutation(() => FirmwareImage, { description: 'Adds an image to the catalogue (platform admins).' })
  @RequirePermission(Permission.PLATFORM)
  createFirmwareImage(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'The new entry.' }) input: FirmwareImageInput): Promise<FirmwareImage> {
    return this.catalogue.create(principal, input);
  }

  @Mutation(() => Boolean, { description: 'Removes an image from the catalogue (platform admins); true once deleted, NOT_FOUND if absent.' })
  @RequirePermission(Permission.PLATFORM)
  deleteFirmwareImage(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The catalogue image.' }) id: string): Promise<boolean> {
    return this.catalogue.delete(principal, id);
  }
}
