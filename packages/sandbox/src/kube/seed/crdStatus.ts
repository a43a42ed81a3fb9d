/**
 * The status the apiextensions controller gives a CustomResourceDefinition once its names are
 * accepted and it is served: what `kubectl get crd` and discovery read as established.
 */
export function establishedCrdStatus(acceptedNames: object, storedVersion: string) {
  return {
    acceptedNames,
    storedVersions: [storedVersion],
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        reason: 'NoConflicts',
        message: 'no conflicts found',
      },
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
      },
    ],
  };
}
