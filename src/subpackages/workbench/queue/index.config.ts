export default definePageConfig({ navigationBarTitleText: '待接诊' });
