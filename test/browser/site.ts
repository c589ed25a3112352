// The site under test. Until `build()` lands in src/publish this serves the
// hand-written fixture that follows the markup contract.
import { buildFixtureSite } from './fixture-site.js';

/** Builds the site into a fresh temporary folder and returns that folder. */
export async function buildSite(): Promise<string> {
  return buildFixtureSite();
}
