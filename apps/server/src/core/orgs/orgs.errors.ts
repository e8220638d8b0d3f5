import { AppError } from '../../platform/errors/app-error'

export const orgErrors = {
  notFound: (id: string) =>
    new AppError('ORG_NOT_FOUND', 404, `Organisation ${id} not found`, { id }),
  moveIntoDescendant: () =>
    new AppError(
      'ORG_MOVE_INTO_DESCENDANT',
      409,
      'An organisation cannot be moved under itself or its own descendant',
    ),
  rootImmutable: () =>
    new AppError('ORG_ROOT_IMMUTABLE', 409, 'The root organisation cannot be moved or archived'),
  archived: (id: string) =>
    new AppError('ORG_ARCHIVED', 409, `Organisation ${id} is archived`, { id }),
  hasActiveChildren: (n: number) =>
    new AppError('ORG_HAS_ACTIVE_CHILDREN', 409, `Archive its ${n} child organisations first`, {
      activeChildren: n,
    }),
  nameTaken: (name: string) =>
    new AppError('ORG_NAME_TAKEN', 409, `A sibling organisation is already named ${name}`, {
      name,
    }),
}
