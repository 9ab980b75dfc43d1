/** Types of scripts/demo.mjs (for the tests). */
export declare const BUILD_INPUTS: string[];
export declare const BUILD_OUTPUT: string;
export declare function newestMtime(path: string): number;
export declare function isStale(root: string, inputs?: readonly string[], output?: string): { stale: boolean; reason: string | undefined };
