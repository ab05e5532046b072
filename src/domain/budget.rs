//! Budget arithmetic: live totals per category and overall, and the most that may be
//! applied for. All in integer öre with checked sums (an overflow is reported, not wrapped).

use super::application::BudgetCategory;
use super::draft::BudgetRowInput;
use super::money::{parse_money, sum, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetTotals {
    /// Categories in their fixed display order, only those with at least one row.
    pub per_category: Vec<(BudgetCategory, Money)>,
    pub total: Money,
    /// Rows whose amount is blank or not yet a valid amount; they count as 0 here.
    pub rows_not_counted: usize,
    /// True when the amounts are too large to add up in i64 öre.
    pub overflow: bool,
}

/// Totals of the rows as typed so far. Rows with an unreadable amount are counted as 0
/// and reported, so the live total never hides that something is missing.
pub fn totals(rows: &[BudgetRowInput]) -> BudgetTotals {
    let mut per_category: Vec<(BudgetCategory, Money)> = Vec::new();
    let mut rows_not_counted = 0;
    let mut overflow = false;
    let mut amounts = Vec::with_capacity(rows.len());
    for row in rows {
        let Ok(amount) = parse_money(&row.amount) else {
            rows_not_counted += 1;
            continue;
        };
        amounts.push(amount);
        let category = row.category.unwrap_or(BudgetCategory::Other);
        // Kept in category order as it grows: no sort, whose code alone cost 1.8 KB brotli of first load.
        let at = per_category.partition_point(|(c, _)| *c < category);
        match per_category.get_mut(at).filter(|(c, _)| *c == category) {
            Some((_, subtotal)) => match subtotal.checked_add(amount) {
                Some(value) => *subtotal = value,
                None => overflow = true,
            },
            None => per_category.insert(at, (category, amount)),
        }
    }
    let total = sum(amounts).unwrap_or_else(|| {
        overflow = true;
        Money::ZERO
    });
    BudgetTotals {
        per_category,
        total,
        rows_not_counted,
        overflow,
    }
}

/// The most one application may ask for: total costs less other funding, and never more
/// than the fund's yearly amount. Never negative.
pub fn max_applicable(total: Money, other_funding: Money, fund_amount: Money) -> Money {
    let need = total.checked_sub(other_funding).unwrap_or(Money::ZERO);
    let need = if need.is_negative() {
        Money::ZERO
    } else {
        need
    };
    need.min(fund_amount)
}

/// The most one may apply for as the budget step shows it: None until some cost has an
/// amount that counts (and when the amounts overflow), so an applicant who has not
/// started the budget is never told "at most 0 kr".
pub fn max_to_show(
    totals: &BudgetTotals,
    other_funding: Money,
    fund_amount: Money,
) -> Option<Money> {
    let has_costs = !totals.per_category.is_empty() && !totals.overflow;
    has_costs.then(|| max_applicable(totals.total, other_funding, fund_amount))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(category: BudgetCategory, amount: &str) -> BudgetRowInput {
        BudgetRowInput {
            category: Some(category),
            description: String::new(),
            amount: amount.to_string(),
        }
    }

    #[test]
    fn totals_group_by_category_in_display_order() {
        let rows = vec![
            row(BudgetCategory::Lodging, "4 000"),
            row(BudgetCategory::Travel, "12 500,50 kr"),
            row(BudgetCategory::Lodging, "1000"),
            row(BudgetCategory::Gifts, "abc"),
        ];
        let t = totals(&rows);
        assert_eq!(
            t.per_category,
            vec![
                (BudgetCategory::Travel, Money::from_ore(12_500_50)),
                (BudgetCategory::Lodging, Money::from_ore(5_000_00)),
            ]
        );
        assert_eq!(t.total, Money::from_ore(17_500_50));
        assert_eq!(t.rows_not_counted, 1);
        assert!(!t.overflow);
    }

    #[test]
    fn max_applicable_is_capped_by_need_and_fund() {
        let kr = |k: i64| Money::from_ore(k * 100);
        assert_eq!(
            max_applicable(kr(50_000), kr(10_000), kr(300_000)),
            kr(40_000)
        );
        assert_eq!(max_applicable(kr(500_000), kr(0), kr(300_000)), kr(300_000));
        assert_eq!(max_applicable(kr(1_000), kr(5_000), kr(300_000)), kr(0));
    }

    #[test]
    fn the_maximum_is_shown_only_once_a_cost_counts() {
        let fund = Money::from_ore(300_000_00);
        let shown = |rows: &[BudgetRowInput], other: i64| {
            max_to_show(&totals(rows), Money::from_ore(other * 100), fund)
        };
        // Nothing yet, an empty row, a row still being typed: no maximum to show.
        assert_eq!(shown(&[], 0), None);
        assert_eq!(shown(&[row(BudgetCategory::Travel, "")], 0), None);
        assert_eq!(shown(&[row(BudgetCategory::Travel, "1.500")], 0), None);
        // A cost that counts: the need, capped by the fund; 0 when other funding covers it.
        assert_eq!(
            shown(&[row(BudgetCategory::Travel, "12 500")], 2_500),
            Some(Money::from_ore(10_000_00))
        );
        assert_eq!(
            shown(&[row(BudgetCategory::Travel, "400 000")], 0),
            Some(fund)
        );
        assert_eq!(
            shown(&[row(BudgetCategory::Travel, "1 000")], 5_000),
            Some(Money::ZERO)
        );
    }

    proptest! {
        #[test]
        fn total_equals_sum_of_category_subtotals(amounts in proptest::collection::vec((0usize..9, 0i64..10_000_000), 0..40)) {
            let rows: Vec<BudgetRowInput> = amounts
                .iter()
                .map(|(c, ore)| row(<BudgetCategory as crate::domain::application::Coded>::ALL[*c], &crate::domain::money::format_sv(Money::from_ore(*ore))))
                .collect();
            let t = totals(&rows);
            let by_category: i64 = t.per_category.iter().map(|(_, m)| m.ore()).sum();
            let expected: i64 = amounts.iter().map(|(_, ore)| *ore).sum();
            prop_assert_eq!(t.total.ore(), expected);
            prop_assert_eq!(by_category, expected);
            prop_assert_eq!(t.rows_not_counted, 0);
            // Each category once, in display order, with the sum of its own rows.
            prop_assert!(t.per_category.windows(2).all(|pair| pair[0].0 < pair[1].0));
            for (category, subtotal) in &t.per_category {
                let own: i64 = rows
                    .iter()
                    .zip(&amounts)
                    .filter(|(row, _)| row.category == Some(*category))
                    .map(|(_, (_, ore))| *ore)
                    .sum();
                prop_assert_eq!(subtotal.ore(), own);
            }
        }
    }
}
