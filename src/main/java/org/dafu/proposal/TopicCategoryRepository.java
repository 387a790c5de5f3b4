package org.dafu.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TopicCategoryRepository extends JpaRepository<TopicCategory, Long> {

	Optional<TopicCategory> findByName(String name);

	List<TopicCategory> findAllByOrderByNameAsc();

}
