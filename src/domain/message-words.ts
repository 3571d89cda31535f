/** A file path among a message's words, relative to the folder the message speaks from. */
export interface NamedFile {
  readonly file: string;
}

/**
 * A message as its words, with the file paths among them kept apart: the same message can name its files
 * from another folder (a merged report's) without reading them back out of the text.
 */
export type MessageWords = readonly (string | NamedFile)[];

/** A message and the words it is made of (`message` is `messageText(messageWords)`). */
export interface SaidMessage {
  readonly message: string;
  readonly messageWords: MessageWords;
}

export function named(file: string): NamedFile {
  return { file };
}

/** Several files as one phrase: `a.ts → b.ts → c.ts`. */
export function namedFiles(files: readonly string[], separator: string): MessageWords {
  // A loop of a big tangle names hundreds of files, and a report has hundreds of loops: one array, no copies.
  const words: (string | NamedFile)[] = [];
  for (const file of files) {
    if (words.length > 0) words.push(separator);
    words.push({ file });
  }
  return words;
}

type Piece = string | number | NamedFile | MessageWords;

/** A template of text, numbers, named files and other words: `` said`${named(from)} imports ${named(to)}` ``. */
export function said(texts: TemplateStringsArray, ...pieces: readonly Piece[]): SaidMessage {
  const words: (string | NamedFile)[] = [];
  texts.forEach((text, index) => {
    words.push(text);
    const piece = pieces[index];
    if (piece === undefined) return;
    if (typeof piece === "string" || typeof piece === "number") words.push(String(piece));
    else if ("file" in piece) words.push(piece);
    else words.push(...piece);
  });
  return saidWith(words);
}

/** The message of these words, each named file written as `name` puts it (as it is by default). */
export function messageText(words: MessageWords, name: (file: string) => string = (file) => file): string {
  return words.map((word) => (typeof word === "string" ? word : name(word.file))).join("");
}

/** The same words with every named file renamed. */
export function renamedFiles(words: MessageWords, rename: (file: string) => string): SaidMessage {
  return saidWith(words.map((word) => (typeof word === "string" ? word : named(rename(word.file)))));
}

function saidWith(words: readonly (string | NamedFile)[]): SaidMessage {
  const merged: (string | NamedFile)[] = [];
  for (const word of words) {
    const last = merged.at(-1);
    if (word === "") continue;
    if (typeof word === "string" && typeof last === "string") merged[merged.length - 1] = last + word;
    else merged.push(word);
  }
  return { message: messageText(merged), messageWords: merged };
}
