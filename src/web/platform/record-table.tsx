import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Table, type TableColumnsType, type TableProps } from 'antd';
import { errorMessage, type Page, type Query } from '../api.ts';
import { useQuery } from './use-query.ts';
import { useIsPhone } from './use-media-query.ts';

export type RecordTableProps<T> = {
  /** API path relative to /api that answers `{ items, total, page, pageSize }`. */
  path: string;
  /** Filters sent with every page; changing them goes back to page 1. */
  query?: Query;
  columns: TableColumnsType<T>;
  rowKey: TableProps<T>['rowKey'];
  /** Change this value to refetch the current page (after a save). */
  refreshKey?: unknown;
  defaultPageSize?: number;
  onLoaded?: (page: Page<T>) => void;
  expandable?: TableProps<T>['expandable'];
  emptyText?: ReactNode;
  title?: TableProps<T>['title'];
  rowSelection?: TableProps<T>['rowSelection'];
  /** Row handlers, e.g. a click that opens the record. */
  onRow?: TableProps<T>['onRow'];
};

/** The one list component: the server pages, sorts and counts; the table only asks. */
export function RecordTable<T extends object>({
  path,
  query,
  columns,
  rowKey,
  refreshKey,
  defaultPageSize = 20,
  onLoaded,
  expandable,
  emptyText,
  title,
  rowSelection,
  onRow,
}: RecordTableProps<T>) {
  const isPhone = useIsPhone();
  const filterKey = JSON.stringify({ path, query });
  // Paging remembers which filters it belongs to, so new filters start at page 1 without a second request.
  const [paging, setPaging] = useState({ filterKey, page: 1, pageSize: defaultPageSize });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const pageSize = paging.pageSize;

  const { data, error, loading, reload } = useQuery<Page<T>>(path, { ...query, page, pageSize });

  const firstRefresh = useRef(true);
  useEffect(() => {
    if (firstRefresh.current) {
      firstRefresh.current = false;
      return;
    }
    reload();
  }, [refreshKey, reload]);

  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;
  useEffect(() => {
    if (data) onLoadedRef.current?.(data);
  }, [data]);

  return (
    <>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error)}
          action={
            <Button size="small" onClick={reload}>
              重试
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<T>
        rowKey={rowKey}
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        expandable={expandable}
        title={title}
        rowSelection={rowSelection}
        onRow={onRow}
        size={isPhone ? 'small' : 'middle'}
        scroll={{ x: 'max-content' }}
        locale={emptyText ? { emptyText } : undefined}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: !isPhone,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) =>
            data?.totalIsLowerBound ? `超过 ${total} 条，请用筛选缩小范围` : `共 ${total} 条`,
          size: isPhone ? 'small' : undefined,
          onChange: (nextPage, nextPageSize) =>
            setPaging({ filterKey, page: nextPageSize === pageSize ? nextPage : 1, pageSize: nextPageSize }),
        }}
      />
    </>
  );
}
