import { NotFoundError } from '../errors.ts';

/**
 * The one check that a region is among those this console reads (WHEELHOUSE_REGIONS or the config):
 * a URL naming another region is a 404 with the same words everywhere.
 */
export function assertReadRegion(regions: readonly string[], region: string): void {
  if (!regions.includes(region)) {
    throw new NotFoundError(`Region ${region} is not one this console reads.`);
  }
}
