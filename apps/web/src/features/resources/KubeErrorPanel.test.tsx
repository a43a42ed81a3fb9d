import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { KubeErrorPanel } from './KubeErrorPanel.tsx';

describe('KubeErrorPanel', () => {
  it("shows the cluster's RBAC refusal of the user as a panel naming the verb, resource and namespace", () => {
    const detail =
      'Your groups (platform-operators, wheelhouse:operator) may not list pods in training. Kubernetes answered: pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "training"';
    render(
      <KubeErrorPanel
        what="pods"
        onRetry={() => {}}
        error={
          new ApiError(403, {
            type: 'about:blank',
            title: 'Forbidden',
            status: 403,
            detail,
            kubeReason: 'Forbidden',
          })
        }
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Your groups may not see these pods' }),
    ).toBeTruthy();
    expect(screen.getByText(detail)).toBeTruthy();
    expect(screen.queryByText(/access entry/)).toBeNull();
    expect(screen.getByText(/reads Kubernetes as you/)).toBeTruthy();
  });
});
