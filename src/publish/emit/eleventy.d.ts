// The part of Eleventy 3's programmatic API Almanac uses (the package ships no types).
declare module '@11ty/eleventy' {
  export interface EleventyConfig {
    setTemplateFormats(formats: string[]): void;
    setLayoutsDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setUseGitIgnore(use: boolean): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    addGlobalData(name: string, value: unknown): void;
    /** Eleventy's timing of config callbacks (filters, transforms); not in its documented API, so optional here. */
    benchmarkManager?: { get(group: string): { setMinimumThresholdMs(ms: number): void } };
    addTemplate(virtualPath: string, content: string, data: Record<string, unknown>): void;
    /** `this.page` is the page being rendered. */
    addTransform(name: string, transform: (this: { page: { outputPath?: unknown } }, content: string) => string | Promise<string>): void;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    /** `false` skips looking for an eleventy.config.js. */
    configPath?: string | false;
    config?: (eleventyConfig: EleventyConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    disableLogger(): void;
    /** Render every page without writing any (transforms still run). */
    setDryRun(dryRun: boolean): void;
    write(): Promise<unknown>;
  }
}
