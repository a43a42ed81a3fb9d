/** Every page of an AWS SDK paginator (`paginateListNodegroups(...)`): the SDK follows the tokens. */
export async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}
