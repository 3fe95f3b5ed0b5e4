import { computed, reactive, ref, watch, type Ref } from 'vue'
import { useMessage, type PaginationProps } from 'naive-ui'

export const PAGE_SIZE = 50

/**
 * A registry table read one page at a time from the main process: the filter
 * and the search box (typed text settles for 300 ms before it filters), the
 * current page, and a guard so that a slower earlier request does not
 * overwrite the answer to a later one. A change of filter goes back to page 1.
 */
export function usePagedList<F extends object, R>(
  fetch: (q: F & { page: number; pageSize: number }) => Promise<{ rows: R[]; total: number }>,
  opts: { unit: string; quickJumper?: boolean }
) {
  const message = useMessage()
  const filter = reactive({}) as F & { search?: string }
  const searchText = ref('')
  const rows = ref([]) as Ref<R[]>
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)
  let seq = 0

  /** Only set filters are sent: an empty select means “any”. */
  function activeFilter(): F {
    return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '')) as F
  }

  async function load() {
    const mine = ++seq
    loading.value = true
    try {
      const r = await fetch({ ...activeFilter(), page: page.value, pageSize: PAGE_SIZE })
      if (mine !== seq) return
      rows.value = r.rows
      total.value = r.total
    } catch (e) {
      message.error((e as Error).message)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  watch(searchText, (v) => {
    clearTimeout(timer)
    timer = setTimeout(() => (filter.search = v.trim() || undefined), 300)
  })
  watch(
    () => ({ ...filter }),
    () => {
      page.value = 1
      void load()
    }
  )

  const pagination = computed<PaginationProps>(() => ({
    page: page.value,
    pageSize: PAGE_SIZE,
    itemCount: total.value,
    ...(opts.quickJumper ? { showQuickJumper: true } : {}),
    prefix: ({ itemCount }) => `共 ${itemCount} ${opts.unit}`
  }))
  function onPage(p: number) {
    page.value = p
    void load()
  }

  return { filter, searchText, rows, total, page, loading, activeFilter, load, pagination, onPage }
}
