package org.dafu.letter;

import java.time.LocalDate;

/**
 * The government information disclosure header (政府信息公开) of a reply letter. Any part may
 * be {@code null} when the letter does not carry it.
 *
 * @param indexNumber 索引号, e.g. {@code 11330800002618015K/2022-137066}, as written
 * @param writtenDate 成文日期
 * @param disclosureMode 公开方式 as written, e.g. 主动公开
 * @param catalogCategory 组配分类, e.g. 人大代表建议
 */
public record LetterMetadata(String indexNumber, LocalDate writtenDate, String disclosureMode, String catalogCategory) {

}
