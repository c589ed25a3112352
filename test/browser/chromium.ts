// The Chromium the browser tests drive (Debian's, or ALMANAC_CHROMIUM), and the flags for a
// root, offline, headless machine: without the background-networking ones Chromium keeps
// trying to reach Google and floods the log with refused connections.
export const CHROMIUM = process.env.ALMANAC_CHROMIUM ?? '/usr/bin/chromium';

export const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
