// Runs once around the unit tests: their temp folders go into one run folder, removed at the end.
import { useRunTempDir } from '../support/temp_sandbox';

let restore: (() => void) | undefined;

export function setup(): void {
  restore = useRunTempDir('geoveille-unit-run-');
}

export function teardown(): void {
  restore?.();
  restore = undefined;
}
