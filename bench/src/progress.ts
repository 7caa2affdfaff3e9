import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr (nothing when stderr is not a terminal), so stdout keeps only the results. */
export class Progress {
  private bar: SingleBar | null = null;

  start(label: string, total: number): void {
    this.stop();
    this.bar = new SingleBar(
      {
        stream: process.stderr,
        format: `${label.padEnd(56)} |{bar}| {value}/{total} events  {duration}s`,
        hideCursor: true,
        clearOnComplete: true,
      },
      Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  tick(): void {
    this.bar?.increment();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
