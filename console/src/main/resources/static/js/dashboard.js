/* The control room's dashboard: figures and Apache ECharts charts from /api/dashboard, refreshed
   every minute. The figures are also put on the page as text (data-* attributes) for tests and
   screen readers. */
'use strict';

(() => {
  const TYPE = {
    CONGESTION: 'Ùn tắc / Congestion', DEVICE_OFFLINE: 'Mất kết nối / Offline', STALLED_VEHICLE: 'Xe dừng / Stalled',
    WRONG_WAY: 'Ngược chiều / Wrong way', ZONE_INTRUSION: 'Xâm nhập / Intrusion', CAMERA_TAMPER: 'Camera bị can thiệp / Tamper',
    FLOODING: 'Ngập / Flooding', AIR_QUALITY: 'Không khí / Air', ANOMALY: 'Bất thường / Anomaly', SENSOR_DRIFT: 'Cảm biến lệch / Drift'
  };
  const charts = {};

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
      window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
  }

  function minutes(mean) {
    if (mean.minutes === null || mean.minutes === undefined) {
      return '–';
    }
    return mean.minutes < 120 ? mean.minutes.toFixed(1) + ' phút / min' : (mean.minutes / 60).toFixed(1) + ' giờ / h';
  }

  function bars(id, counts, label) {
    chart(id).setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: counts.map(c => label(c.key)) },
      series: [{ type: 'bar', data: counts.map(c => c.count), itemStyle: { color: '#c62828' } }]
    });
  }

  function render(d) {
    const open = d.openByType.reduce((n, c) => n + c.count, 0);
    document.getElementById('open-total').textContent = String(open);
    document.getElementById('mtta').textContent = minutes(d.timeToAcknowledge);
    document.getElementById('mttr').textContent = minutes(d.timeToResolve);
    document.getElementById('period').textContent = 'Từ / since ' + new Date(d.since).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    bars('chart-type', d.openByType, k => TYPE[k] || k);
    bars('chart-ward', d.openByWard, k => k);
    const agencies = d.reportsByAgency;
    chart('chart-agency').setOption({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: agencies.map(a => a.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: 'Đúng hạn / On time', type: 'bar', stack: 'r', data: agencies.map(a => a.onTime), itemStyle: { color: '#2e7d32' } },
        { name: 'Trễ hạn / Late', type: 'bar', stack: 'r', data: agencies.map(a => a.late), itemStyle: { color: '#c62828' } },
        { name: 'Đang xử lý / Pending', type: 'bar', stack: 'r', data: agencies.map(a => a.pending), itemStyle: { color: '#f9a825' } }
      ]
    });
    document.body.dataset.open = String(open);
    document.body.dataset.agencies = String(agencies.length);
    document.body.dataset.rendered = 'true';
  }

  async function load() {
    const response = await fetch('api/dashboard', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.href = 'login';
      return;
    }
    render(await response.json());
  }

  load();
  setInterval(load, 60000);
})();
