/** A side cannot be read: bad input, exit 2. Its own module, so that the CLI can tell it without loading the side loaders. */
export class SideInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SideInputError';
  }
}
