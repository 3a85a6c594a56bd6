export default definePageConfig({ navigationBarTitleText: '添加病历' });
