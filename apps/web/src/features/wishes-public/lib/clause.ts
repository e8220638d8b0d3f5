/**
 * A worker's own words (a reason) as a clause inside a sentence that ends with its own full
 * stop: workers often finish a reason with 。, and "…：没有收到。。心愿已回到心愿墙" reads as a
 * typo. Only full stops go; a ！ or ？ is the worker's tone and stays.
 */
export const asClause = (text: string): string => text.trim().replace(/[。．.\s]+$/u, '')
