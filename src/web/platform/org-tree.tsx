import { TreeSelect, type TreeSelectProps } from 'antd';
import { useQuery } from './use-query.ts';
import type { Org } from '../../shared/platform/orgs.ts';

export type OrgNode = { key: string; value: string; title: string; org: Org; children: OrgNode[] };

/** The flat visible subtree (with parentId) as nested nodes; an org whose parent is invisible is a root. */
export function buildOrgTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs)
    nodes.set(org.id, { key: org.id, value: org.id, title: org.name, org, children: [] });
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The orgs the user can see, fetched once per mount. */
export function useOrgs() {
  return useQuery<{ items: Org[] }>('/orgs');
}

/** An org picker over the user's visible subtree. */
export function OrgSelect(props: Omit<TreeSelectProps<string>, 'treeData'>) {
  const { data, loading } = useOrgs();
  return (
    <TreeSelect<string>
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder="选择机构"
      loading={loading}
      treeData={buildOrgTree(data?.items ?? [])}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
