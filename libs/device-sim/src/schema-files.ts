// The OpenSync schema subset shipped with the simulator (database Open_vSwitch): the tables
// the controller and the simulated managers use, column types identical to the firmware's.
import { resolve } from 'node:path';

export const OPENSYNC_SUBSET_SCHEMA_PATH = resolve(__dirname, '../schema/opensync-subset.ovsschema');
