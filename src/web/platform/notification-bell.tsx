import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Badge, Button, Empty, List, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage, type Page } from '../api.ts';
import { useQuery } from './use-query.ts';
import type { Notification } from '../../shared/platform/work.ts';

type NotificationPage = Page<Notification> & { unread: number };

/** Polled, so a new deadline warning shows without a reload. */
const pollMilliseconds = 60_000;

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, loading, reload } = useQuery<NotificationPage>('/notifications', { page: 1, pageSize: 10 });

  useEffect(() => {
    const timer = window.setInterval(reload, pollMilliseconds);
    return () => window.clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    if (open) reload();
  }, [open, reload]);

  async function openNotification(item: Notification) {
    try {
      if (!item.readAt) await api.post(`/notifications/${encodeURIComponent(item.id)}/read`);
    } catch (error) {
      message.error(errorMessage(error));
    }
    reload();
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  }

  async function readAll() {
    try {
      await api.post('/notifications/read-all');
      reload();
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  const unread = data?.unread ?? 0;
  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}
      >
        <Typography.Text strong>通知（未读 {unread}）</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={readAll}>
          全部已读
        </Button>
      </div>
      <Spin spinning={loading && !data}>
        {data && data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
        ) : (
          <List
            size="small"
            style={{ maxHeight: 400, overflowY: 'auto' }}
            dataSource={data?.items ?? []}
            renderItem={(item) => (
              <List.Item
                onClick={() => void openNotification(item)}
                style={{ cursor: 'pointer', opacity: item.readAt ? 0.6 : 1 }}
              >
                <List.Item.Meta
                  avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
                  title={<span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>}
                  description={
                    <>
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 2 }}
                        style={{ marginBottom: 0 }}
                      >
                        {item.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Spin>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
    >
      <Button
        type="text"
        aria-label={`通知，未读${unread}条`}
        icon={
          <Badge count={unread} size="small" offset={[2, -2]}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
