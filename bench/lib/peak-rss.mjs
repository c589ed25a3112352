// Preloaded (`node --import`) into a measured command when /usr/bin/time is missing:
// writes the process's peak RSS in KiB to $BENCH_RSS_FILE on exit. Child processes it
// starts (the Pagefind binary) are not counted, unlike with /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
